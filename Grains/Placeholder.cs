namespace Acteon.Grains;

internal static class Placeholder;

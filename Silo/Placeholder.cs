namespace Acteon.Silo;

internal static class Placeholder;

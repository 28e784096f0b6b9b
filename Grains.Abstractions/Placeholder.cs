namespace Acteon.Grains.Abstractions;

internal static class Placeholder;

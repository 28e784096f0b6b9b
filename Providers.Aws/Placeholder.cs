namespace Acteon.Providers.Aws;

internal static class Placeholder;

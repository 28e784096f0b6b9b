namespace Acteon.Gateway.Api.Hosting;

public sealed class CommandLineException(string message) : Exception(message);

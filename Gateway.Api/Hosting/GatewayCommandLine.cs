using System.Globalization;

namespace Acteon.Gateway.Api.Hosting;

/// <summary><c>Gateway.Api [-c|--config PATH] [--host H] [--port P]</c>.</summary>
public sealed record GatewayCommandLine(string? ConfigPath, string? Host, int? Port)
{
    public const string Usage = "usage: Gateway.Api [-c|--config PATH] [--host HOST] [--port PORT]";

    public static GatewayCommandLine Parse(IReadOnlyList<string> args)
    {
        string? config = null, host = null;
        int? port = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new CommandLineException($"{arg} needs a value; {Usage}");
            switch (arg)
            {
                case "-c" or "--config":
                    config = Value();
                    break;
                case "--host":
                    host = Value();
                    break;
                case "--port":
                    var text = Value();
                    port = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535
                        ? p
                        : throw new CommandLineException($"--port must be a number from 0 to 65535, not '{text}'");
                    break;
                default:
                    throw new CommandLineException($"unknown argument '{arg}'; {Usage}");
            }
        }

        return new GatewayCommandLine(config, host, port);
    }
}

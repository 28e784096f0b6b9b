using System.Globalization;

namespace Acteon.Gateway.Api.Hosting;

/// <summary>
/// <c>Gateway.Api [migrate] [-c|--config PATH] [--host H] [--port P]</c>. <c>migrate</c> applies the store's schema and exits;
/// <c>hash-password [--key]</c> reads a password (or, with <c>--key</c>, an API key) from standard input and prints its hash. Other <c>--name=value</c> arguments are host
/// settings (as ASP.NET Core takes them, e.g. <c>--environment=Development</c>) and are passed on in <see cref="HostArgs"/>.
/// </summary>
public sealed record GatewayCommandLine(string? ConfigPath, string? Host, int? Port, string[] HostArgs)
{
    public const string Usage = "usage: Gateway.Api [migrate] [-c|--config PATH] [--host HOST] [--port PORT] | Gateway.Api hash-password [--key]";
    public const string Migrate = "migrate";
    public const string HashPassword = "hash-password";

    /// <summary>With <see cref="HashPassword"/>: hash an API key (SHA-256 hex) instead of a password.</summary>
    public bool Key { get; init; }

    /// <summary><see cref="Migrate"/>, or null to run the gateway.</summary>
    public string? Command { get; init; }

    public static GatewayCommandLine Parse(IReadOnlyList<string> args)
    {
        string? config = null, host = null;
        int? port = null;
        string? command = null;
        var key = false;
        var hostArgs = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is > 2 and var eq)
            {
                (arg, inline) = (arg[..eq], arg[(eq + 1)..]);
            }

            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new CommandLineException($"{arg} needs a value; {Usage}"));
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
                case Migrate or HashPassword when i == 0:
                    command = arg;
                    break;
                case "--key" when command == HashPassword:
                    key = true;
                    break;
                default:
                    hostArgs.Add(inline is not null ? $"{arg}={inline}" : throw new CommandLineException($"unknown argument '{arg}'; {Usage}"));
                    break;
            }
        }

        return new GatewayCommandLine(config, host, port, [.. hostArgs]) { Command = command, Key = key };
    }
}

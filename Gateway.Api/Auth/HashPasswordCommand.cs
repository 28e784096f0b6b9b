using Acteon.Silo.Configuration.Auth;

namespace Acteon.Gateway.Api.Auth;

/// <summary>
/// <c>Gateway.Api hash-password [--key]</c>: reads one line (the password, or with <c>--key</c> the API key) from
/// standard input and prints what <c>password_hash</c> (PHC PBKDF2-SHA256) or <c>key_hash</c> (SHA-256 hex) holds.
/// </summary>
public static class HashPasswordCommand
{
    public static int Run(bool key, TextReader input, TextWriter output, TextWriter error)
    {
        if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
        {
            error.Write(key ? "API key: " : "Password: ");
        }

        var secret = input.ReadLine();
        if (string.IsNullOrEmpty(secret))
        {
            error.WriteLine("acteon: hash-password reads the secret from standard input; it was empty");
            return 2;
        }

        output.WriteLine(key ? PasswordHash.KeyHash(secret) : PasswordHash.Hash(secret));
        return 0;
    }
}

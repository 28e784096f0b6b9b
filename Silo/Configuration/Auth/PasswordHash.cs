using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Acteon.Silo.Configuration.Auth;

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes as PHC strings: <c>$pbkdf2-sha256$i=ITERATIONS$SALT$HASH</c>, salt and hash in
/// unpadded standard Base64 (the PHC string format). Also the SHA-256 hex of API keys.
/// </summary>
public static class PasswordHash
{
    public const string Prefix = "$pbkdf2-sha256$";
    public const int DefaultIterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string password, int iterations = DefaultIterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}i={iterations}${B64(salt)}${B64(hash)}");
    }

    /// <summary>Constant-time check of <paramref name="password"/> against a PHC string; false for a string that is not one.</summary>
    public static bool Verify(string password, string phc)
    {
        if (!TryParse(phc, out var iterations, out var salt, out var expected, out _))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Why <paramref name="phc"/> is not a usable hash, or null.</summary>
    public static string? Problem(string phc) => TryParse(phc, out _, out _, out _, out var problem) ? null : problem;

    /// <summary>Lower-case hex SHA-256 of an API key, as <c>key_hash</c> holds it.</summary>
    public static string KeyHash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static bool TryParse(string phc, out int iterations, out byte[] salt, out byte[] hash, out string problem)
    {
        (iterations, salt, hash, problem) = (0, [], [], "");
        if (!phc.StartsWith(Prefix, StringComparison.Ordinal))
        {
            problem = $"must be a PHC string starting with {Prefix} (make one with `Gateway.Api hash-password`)";
            return false;
        }

        var parts = phc[Prefix.Length..].Split('$');
        if (parts.Length != 3 || !parts[0].StartsWith("i=", StringComparison.Ordinal)
            || !int.TryParse(parts[0].AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 10_000)
        {
            problem = $"must look like {Prefix}i=ITERATIONS$SALT$HASH with at least 10000 iterations";
            return false;
        }

        if (!TryB64(parts[1], out salt) || salt.Length < 8 || !TryB64(parts[2], out hash) || hash.Length < 16)
        {
            problem = "has a salt or hash that is not unpadded Base64 of at least 8 and 16 bytes";
            return false;
        }

        return true;
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryB64(string text, out byte[] bytes)
    {
        var padded = text + new string('=', (4 - (text.Length % 4)) % 4);
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}

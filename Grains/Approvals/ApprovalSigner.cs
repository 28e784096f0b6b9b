using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Approvals;

/// <summary>
/// Signs and checks approval links: lowercase hex HMAC-SHA256 over
/// <c>len(ns):ns\nlen(tenant):tenant\nlen(id):id\nexpires_at\ndecision</c> (len = UTF-8 bytes), so an approve link
/// cannot reject, and no field can be changed without the key.
/// </summary>
public sealed class ApprovalSigner(IOptions<ApprovalOptions> options)
{
    private readonly ApprovalOptions _options = options.Value;

    public bool HasKeys => _options.Keys.Count > 0;

    public static byte[] Canonical(string ns, string tenant, string id, long expiresAt, string decision)
    {
        var text = new StringBuilder();
        Part(text, ns);
        Part(text, tenant);
        Part(text, id);
        text.Append(expiresAt.ToString(CultureInfo.InvariantCulture)).Append('\n').Append(decision);
        return Encoding.UTF8.GetBytes(text.ToString());

        static void Part(StringBuilder text, string value) =>
            text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }

    /// <summary>The approve and reject links, signed with the first key.</summary>
    public (string Approve, string Reject) Links(string ns, string tenant, string id, long expiresAt)
    {
        var key = _options.Keys.Count > 0 ? _options.Keys[0] : throw new InvalidOperationException("[server] approval_keys is empty: approval links cannot be signed");
        var path = $"{_options.ExternalUrl.TrimEnd('/')}/v1/approvals/{Uri.EscapeDataString(ns)}/{Uri.EscapeDataString(tenant)}/{Uri.EscapeDataString(id)}";
        return (Link(ApprovalDecisionNames.Approve), Link(ApprovalDecisionNames.Reject));

        string Link(string decision)
        {
            var sig = Convert.ToHexStringLower(HMACSHA256.HashData(key.Secret, Canonical(ns, tenant, id, expiresAt, decision)));
            return string.Create(CultureInfo.InvariantCulture, $"{path}/{decision}?sig={sig}&expires_at={expiresAt}&kid={Uri.EscapeDataString(key.Id)}");
        }
    }

    /// <summary>True when <paramref name="sig"/> is the signature of these fields by the key <paramref name="kid"/> (by any key when null).</summary>
    public bool Verify(string ns, string tenant, string id, long expiresAt, string decision, string sig, string? kid)
    {
        if (sig.Length != 64 || !IsLowerHex(sig))
        {
            return false;
        }

        var given = Convert.FromHexString(sig);
        var message = Canonical(ns, tenant, id, expiresAt, decision);
        var valid = false;
        foreach (var key in _options.Keys)
        {
            if (kid is null || string.Equals(kid, key.Id, StringComparison.Ordinal))
            {
                // Every candidate is compared in full, in constant time.
                valid |= CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key.Secret, message), given);
            }
        }

        return valid;
    }

    private static bool IsLowerHex(string text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}

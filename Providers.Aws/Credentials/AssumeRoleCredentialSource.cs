using Amazon.Runtime;

namespace Acteon.Providers.Aws.Credentials;

/// <summary>
/// Credentials of an assumed role. They are fetched on first use and fetched again once less than
/// <see cref="RefreshBefore"/> remains before expiry, so a request never carries an expired token.
/// </summary>
internal sealed class AssumeRoleCredentialSource(StsClient sts, AssumeRoleRequest request, TimeProvider time) : IAwsCredentialSource, IDisposable
{
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private AssumedRoleCredentials? _current;

    public async ValueTask<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && !NeedsRefresh(current))
        {
            return current.Credentials;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is null || NeedsRefresh(_current))
            {
                _current = await sts.AssumeRoleAsync(request, cancellationToken);
            }

            return _current.Credentials;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool NeedsRefresh(AssumedRoleCredentials credentials) => time.GetUtcNow() >= credentials.Expiration - RefreshBefore;

    public void Dispose() => _gate.Dispose();
}

namespace Acteon.Silo.Storage;

/// <summary>Whether the state store answers now, for readiness checks.</summary>
public interface IStoreHealth
{
    /// <summary>Null when the store answered; otherwise why it did not.</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken);
}

namespace Acteon.Grains.Abstractions;

/// <summary>
/// The clock of the gateway's own work (dedup TTLs, throttle windows, schedules, audit, retries): a keyed
/// <see cref="TimeProvider"/>, the system clock unless a host replaces it. Orleans keeps its own clock, so a test
/// that drives this one never makes the membership protocol think a silo missed its heartbeats.
/// </summary>
public static class GatewayClock
{
    public const string Key = "Acteon.Gateway";
}

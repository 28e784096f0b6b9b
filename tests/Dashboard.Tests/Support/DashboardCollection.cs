namespace Acteon.Dashboard.Tests.Support;

/// <summary>One gateway process and one browser for every dashboard test (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardGateway>, ICollectionFixture<Chromium>
{
    public const string Name = "dashboard";
}

using Xunit;

namespace Acteon.Cluster.Tests.Support;

/// <summary>
/// A test class that starts gateway processes calling one counting webhook: the webhook starts before each test,
/// and every node the test added to <see cref="Nodes"/> is stopped after it, then the webhook.
/// </summary>
public abstract class NodesTest : IAsyncLifetime
{
    protected List<GatewayNode> Nodes { get; } = [];

    protected CountingWebhook Webhook { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Webhook = await CountingWebhook.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        await Webhook.DisposeAsync();
    }
}

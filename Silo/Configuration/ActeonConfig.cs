using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Approvals;
using Acteon.Grains.Audit;
using Acteon.Grains.CircuitBreakers;
using Acteon.Grains.Chains;
using Acteon.Grains.Dispatch;
using Acteon.Grains.Execution;
using Acteon.Grains.Recurring;
using Acteon.Grains.Rules;
using Acteon.Grains.Rules.Embeddings;
using Acteon.Silo.Configuration.Auth;
using Acteon.Grains.StateMachines;

namespace Acteon.Silo.Configuration;

/// <summary>Everything acteon.toml says, validated; built once at start-up by <see cref="ConfigLoader"/>.</summary>
public sealed record ActeonConfig
{
    /// <summary>The file this came from, or null for built-in defaults.</summary>
    public string? SourceFile { get; init; }

    public ServerConfig Server { get; init; } = new();
    public StateConfig State { get; init; } = new();
    public TelemetryConfig Telemetry { get; init; } = new();
    public ClusterConfig Cluster { get; init; } = new();
    public ExecutorOptions Executor { get; init; } = new();
    public DispatchOptions Dispatch { get; init; } = new();
    public AuditOptions Audit { get; init; } = new();
    public IReadOnlyList<ProviderSettings> Providers { get; init; } = [];
    public RuleOptions Rules { get; init; } = new();
    public EmbeddingOptions Embedding { get; init; } = new();
    public AuthConfig Auth { get; init; } = new();
    public RateLimitConfig RateLimit { get; init; } = new();
    public CircuitBreakerOptions CircuitBreaker { get; init; } = new();
    public ApprovalOptions Approvals { get; init; } = new();
    public IReadOnlyDictionary<string, ChainDefinition> Chains { get; init; } = new Dictionary<string, ChainDefinition>();
    public RecurringOptions Recurring { get; init; } = new();
    public IReadOnlyList<StateMachineDefinition> StateMachines { get; init; } = [];

    public UiConfig Ui { get; init; } = new();

    /// <summary><c>[alertmanager]</c>; null when absent (then <c>POST /api/v2/alerts</c> is not served).</summary>
    public AlertmanagerConfig? Alertmanager { get; init; }
}

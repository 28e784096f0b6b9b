using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Audit;
using Acteon.Grains.Dispatch;
using Acteon.Grains.Execution;
using Acteon.Grains.Recurring;
using Acteon.Grains.Rules;
using Acteon.Grains.Rules.Embeddings;
using Acteon.Silo.Configuration.Auth;
using Acteon.Silo.Configuration.Toml;

namespace Acteon.Silo.Configuration;

/// <summary>Reads acteon.toml into an <see cref="ActeonConfig"/>; every mistake is a <see cref="ConfigurationException"/> naming file, line and key.</summary>
public static class ConfigLoader
{
    private static readonly string[] OwnSections =
        ["server", "state", "audit", "executor", "dedup", "telemetry", "cluster", "providers", "rules", "embedding", "recurring", "state_machines", "alertmanager", "circuit_breaker", "chains", "approvals", "auth", "rate_limit", "ui"];

    public static ActeonConfig LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"{path}: configuration file not found");
        }

        string text;
        try
        {
            text = TomlParser.Decode(File.ReadAllBytes(path), path);
        }
        catch (TomlException error)
        {
            throw new ConfigurationException(error.Message);
        }

        return Parse(text, path);
    }

    public static ActeonConfig Parse(string text, string file)
    {
        TomlTable root;
        try
        {
            root = TomlParser.Parse(text, file);
        }
        catch (TomlException error)
        {
            throw new ConfigurationException(error.Message);
        }

        foreach (var key in root.Keys)
        {
            if (NotImplementedYet.Sections.ContainsKey(key))
            {
                throw new ConfigurationException($"{file}:{root.GetLine(key)}: {NotImplementedYet.SectionMessage(key)}");
            }

            if (Array.IndexOf(OwnSections, key) < 0)
            {
                throw new ConfigurationException(
                    $"{file}:{root.GetLine(key)}: unknown section or key '{key}'; known sections are {string.Join(", ", OwnSections)}");
            }
        }

        var state = StateSection(Section(root, file, "state"));
        var server = ServerSection(Section(root, file, "server"));
        var providers = ProvidersSection(root, file);
        return new ActeonConfig
        {
            SourceFile = file,
            Server = server,
            State = state,
            Telemetry = TelemetrySection(Section(root, file, "telemetry")),
            Cluster = ClusterSection.Read(Section(root, file, "cluster"), state),
            Executor = ExecutorSection(Section(root, file, "executor")),
            Dispatch = DedupSection(Section(root, file, "dedup")),
            Audit = AuditSection(Section(root, file, "audit")),
            Providers = providers,
            CircuitBreaker = CircuitBreakerSection.Read(Section(root, file, "circuit_breaker"), providers),
            Approvals = ApprovalsSection.Read(Section(root, file, "server"), Section(root, file, "approvals"), server),
            Chains = ChainsSection.Read(root, file, providers),
            Rules = RulesSection(Section(root, file, "rules"), file),
            Embedding = EmbeddingSection(Section(root, file, "embedding")),
            Auth = AuthSection.Read(Section(root, file, "auth"), file),
            RateLimit = RateLimitSection.Read(Section(root, file, "rate_limit"), file),
            Recurring = RecurringSection(Section(root, file, "recurring")),
            StateMachines = StateMachinesSection.Read(root, file),
            Alertmanager = AlertmanagerSection.Read(Section(root, file, "alertmanager")),
            Ui = UiSection.Read(Section(root, file, "ui"), file),
        };
    }

    /// <summary>The users and API keys of <c>[auth]</c> in <paramref name="path"/> and of auth.toml beside it, read again (hot reload).</summary>
    public static AuthCredentials LoadAuthCredentials(string path)
    {
        try
        {
            var root = TomlParser.Parse(TomlParser.Decode(File.ReadAllBytes(path), path), path);
            var auth = Section(root, path, "auth");
            _ = AuthSection.Read(auth, path);
            return AuthSection.ReadCredentials(auth.Table, path);
        }
        catch (TomlException error)
        {
            throw new ConfigurationException(error.Message);
        }
    }

    private static TomlSection Section(TomlTable root, string file, string name)
    {
        var section = root.TryGetValue(name, out var value)
            ? new TomlSection(value as TomlTable ?? throw new ConfigurationException($"{file}:{root.GetLine(name)}: '{name}' must be a table ([{name}])"), file, name)
            : new TomlSection(new TomlTable(0), file, name);
        foreach (var key in section.Table.Keys)
        {
            if (NotImplementedYet.Keys.ContainsKey((name, key)))
            {
                throw new ConfigurationException($"{section.Location(key)}: {NotImplementedYet.KeyMessage(name, key)}");
            }
        }

        return section;
    }

    private static ServerConfig ServerSection(TomlSection s)
    {
        s.AllowOnly("host", "port", "external_url", "max_body_bytes", "shutdown_timeout_seconds", "request_timeout_seconds", "approval_keys", "approval_secret",
            "max_concurrent_dispatch", "max_sse_connections_per_tenant", "cors_allowed_origins", "sse_enabled", "sse_replay_buffer", "sse_client_buffer");
        var defaults = new ServerConfig();
        return new ServerConfig
        {
            Host = s.String("host") ?? defaults.Host,
            Port = (int)(s.Integer("port", 0, 65535) ?? defaults.Port),
            ExternalUrl = s.String("external_url"),
            MaxBodyBytes = s.Integer("max_body_bytes", 1024, 1L << 30) ?? defaults.MaxBodyBytes,
            ShutdownTimeout = s.Seconds("shutdown_timeout_seconds", 1, 3600) ?? defaults.ShutdownTimeout,
            RequestTimeout = s.Seconds("request_timeout_seconds", 2, 3600) ?? defaults.RequestTimeout,
            SseEnabled = s.Bool("sse_enabled") ?? defaults.SseEnabled,
            MaxSseConnectionsPerTenant = (int)(s.Integer("max_sse_connections_per_tenant", 1, 100_000) ?? defaults.MaxSseConnectionsPerTenant),
            SseReplayBuffer = (int)(s.Integer("sse_replay_buffer", 1, 1_000_000) ?? defaults.SseReplayBuffer),
            SseClientBuffer = (int)(s.Integer("sse_client_buffer", 1, 1_000_000) ?? defaults.SseClientBuffer),
        };
    }

    private static StateConfig StateSection(TomlSection s)
    {
        s.AllowOnly("backend", "path", "url", "cleanup_interval_seconds");
        var backend = s.OneOf("backend", StateConfig.Sqlite, StateConfig.Memory, StateConfig.Sqlite, StateConfig.Postgres);
        var url = s.String("url");
        if (backend == StateConfig.Postgres && string.IsNullOrWhiteSpace(url))
        {
            throw s.Error("url", "is required when backend = \"postgres\"");
        }

        var defaults = new StateConfig();
        return new StateConfig
        {
            Backend = backend,
            Path = s.String("path") ?? defaults.Path,
            Url = url,
            CleanupInterval = s.Seconds("cleanup_interval_seconds", 1, 86_400) ?? defaults.CleanupInterval,
        };
    }

    private static TelemetryConfig TelemetrySection(TomlSection s)
    {
        s.AllowOnly("otlp_endpoint", "otlp_protocol", "service_name");
        Uri? endpoint = null;
        if (s.String("otlp_endpoint") is { } text && (!Uri.TryCreate(text, UriKind.Absolute, out endpoint) || !endpoint.Scheme.StartsWith("http", StringComparison.Ordinal)))
        {
            throw s.Error("otlp_endpoint", $"must be an http:// or https:// URL, not \"{text}\"");
        }

        return new TelemetryConfig
        {
            OtlpEndpoint = endpoint,
            OtlpProtocol = s.OneOf("otlp_protocol", "grpc", "grpc", "http/protobuf"),
            ServiceName = s.String("service_name") ?? new TelemetryConfig().ServiceName,
        };
    }

    private static ExecutorOptions ExecutorSection(TomlSection s)
    {
        s.AllowOnly("max_retries", "timeout_seconds", "max_concurrent", "retry_base_delay_ms", "retry_max_delay_ms");
        var o = new ExecutorOptions();
        o.MaxRetries = (int)(s.Integer("max_retries", 0, 100) ?? o.MaxRetries);
        o.Timeout = s.Seconds("timeout_seconds", 1, 3600) ?? o.Timeout;
        o.MaxConcurrent = (int)(s.Integer("max_concurrent", 1, 100_000) ?? o.MaxConcurrent);
        o.RetryBaseDelay = s.Milliseconds("retry_base_delay_ms", 1, 600_000) ?? o.RetryBaseDelay;
        o.RetryMaxDelay = s.Milliseconds("retry_max_delay_ms", 1, 3_600_000) ?? o.RetryMaxDelay;
        return o;
    }

    private static DispatchOptions DedupSection(TomlSection s)
    {
        s.AllowOnly("default_ttl_seconds");
        var o = new DispatchOptions();
        o.DefaultDedupTtl = s.Seconds("default_ttl_seconds", 1, 365L * 86_400) ?? o.DefaultDedupTtl;
        return o;
    }

    private static RecurringOptions RecurringSection(TomlSection s)
    {
        s.AllowOnly("min_interval_seconds", "missed_after_seconds", "retry_seconds");
        var o = new RecurringOptions();
        o.MinInterval = s.Seconds("min_interval_seconds", 1, 86_400) ?? o.MinInterval;
        o.MissedAfter = s.Seconds("missed_after_seconds", 1, 7L * 86_400) ?? o.MissedAfter;
        o.RetryPeriod = s.Seconds("retry_seconds", 1, 3600) ?? o.RetryPeriod;
        return o;
    }

    private static AuditOptions AuditSection(TomlSection s)
    {
        s.AllowOnly("enabled", "store_payload", "ttl_seconds", "queue_capacity", "batch_size", "flush_interval_ms", "dead_letter_capacity", "readiness_backlog");
        var o = new AuditOptions();
        o.Enabled = s.Bool("enabled") ?? o.Enabled;
        o.StorePayload = s.Bool("store_payload") ?? o.StorePayload;
        o.Ttl = s.Seconds("ttl_seconds", 60, 100L * 365 * 86_400) ?? o.Ttl;
        o.QueueCapacity = (int)(s.Integer("queue_capacity", 1, 10_000_000) ?? o.QueueCapacity);
        o.BatchSize = (int)(s.Integer("batch_size", 1, 100_000) ?? o.BatchSize);
        o.FlushInterval = s.Milliseconds("flush_interval_ms", 0, 60_000) ?? o.FlushInterval;
        o.DeadLetterCapacity = (int)(s.Integer("dead_letter_capacity", 1, 10_000_000) ?? o.DeadLetterCapacity);
        o.ReadinessBacklog = (int?)s.Integer("readiness_backlog", 1, o.QueueCapacity);
        return o;
    }

    /// <summary>The rules directory is relative to the configuration file, so the sample works from any working directory.</summary>
    private static RuleOptions RulesSection(TomlSection s, string file)
    {
        s.AllowOnly("directory", "default_timezone", "watch");
        var o = new RuleOptions();
        if (s.String("directory") is { } directory)
        {
            o.Directory = Path.IsPathRooted(directory) ? directory : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", directory);
        }

        if (s.String("default_timezone") is { } zone)
        {
            try
            {
                o.DefaultTimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
            }
            catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw s.Error("default_timezone", $"unknown time zone \"{zone}\"; use an IANA name such as Europe/Paris");
            }
        }

        o.Watch = s.Bool("watch") ?? o.Watch;
        return o;
    }

    private static EmbeddingOptions EmbeddingSection(TomlSection s)
    {
        s.AllowOnly("enabled", "provider", "endpoint", "model", "api_key", "timeout_seconds", "fail_open", "cache_capacity");
        var o = new EmbeddingOptions { Enabled = s.Table.Count > 0 };
        o.Enabled = s.Bool("enabled") ?? o.Enabled;
        o.Provider = s.OneOf("provider", o.Provider, "local", "openai");
        if (s.String("endpoint") is { } endpoint)
        {
            o.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal)
                ? uri
                : throw s.Error("endpoint", $"must be an http:// or https:// URL, not \"{endpoint}\"");
        }

        o.Model = s.String("model") ?? o.Model;
        o.ApiKey = s.String("api_key") ?? o.ApiKey;
        o.Timeout = s.Seconds("timeout_seconds", 1, 600) ?? o.Timeout;
        o.FailOpen = s.Bool("fail_open") ?? o.FailOpen;
        o.CacheCapacity = (int)(s.Integer("cache_capacity", 1, 10_000_000) ?? o.CacheCapacity);
        return o;
    }

    private static List<ProviderSettings> ProvidersSection(TomlTable root, string file)
    {
        var providers = new List<ProviderSettings>();
        if (!root.TryGetValue("providers", out var value))
        {
            return providers;
        }

        if (value is not TomlArray array)
        {
            throw new ConfigurationException($"{file}:{root.GetLine("providers")}: 'providers' must be an array of tables ([[providers]])");
        }

        for (var i = 0; i < array.Count; i++)
        {
            var table = array[i] as TomlTable
                ?? throw new ConfigurationException($"{file}:{array.Line}: providers[{i}] must be a table");
            var s = new TomlSection(table, file, $"providers[{i}]");
            var name = s.String("name") is { Length: > 0 } n ? n : throw s.Error("name", "is required: the name actions use to address this provider");
            var type = s.String("type") is { Length: > 0 } t ? t : throw s.Error("type", $"is required for provider '{name}'");
            var fields = table.Where(kv => kv.Key is not ("name" or "type")).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            providers.Add(new ProviderSettings(name, type, fields, $"{file}:{table.Line}"));
        }

        return providers;
    }
}

using Acteon.Grains.Abstractions;
using System.Collections;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Abstractions.Rules;
using Acteon.Grains.Approvals;
using Acteon.Grains.Chains;
using Acteon.Grains.Rules.Embeddings;
using Acteon.Grains.Rules.Loading;
using Acteon.Grains.Rules.Toggles;
using Acteon.Grains.StateMachines;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Rules;

/// <summary>
/// The live rule set. Reloads are atomic: a folder with any bad file leaves the running set untouched.
/// Toggles are stored through a grain and overlay the files' <c>enabled</c> on every node.
/// </summary>
public sealed class RuleEngine
{
    private readonly RuleOptions _options;
    private readonly IProviderRegistry _providers;
    private readonly IGrainFactory _grains;
    private readonly StateMachineOptions _stateMachines;
    private readonly ChainOptions _chains;
    private readonly bool _approvalKeysConfigured;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private IReadOnlyDictionary<string, bool> _toggles = new Dictionary<string, bool>();
    private volatile RuleSet _current = RuleSet.Empty;

    public RuleEngine(
        IOptions<RuleOptions> options, IOptions<EmbeddingOptions> embeddingOptions, EmbeddingService embeddings, IProviderRegistry providers, IGrainFactory grains,
        IOptions<StateMachineOptions> stateMachines, IOptions<ChainOptions> chains, IOptions<ApprovalOptions> approvals)
    {
        _options = options.Value;
        _stateMachines = stateMachines.Value;
        _chains = chains.Value;
        _approvalKeysConfigured = approvals.Value.Keys.Count > 0;
        _providers = providers;
        _grains = grains;
        Embeddings = embeddingOptions.Value.Enabled ? embeddings : null;
        Environment = System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string ?? "", StringComparer.Ordinal);
    }

    public RuleSet Current => _current;

    public EmbeddingService? Embeddings { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public RuleParseContext ParseContext => new(name => _providers.TryGet(name, out _), Embeddings is not null, _options.DefaultTimeZone, Environment, _stateMachines.Machines.ContainsKey)
    {
        ChainExists = _chains.Definitions.ContainsKey,
        ApprovalKeysConfigured = _approvalKeysConfigured,
    };

    /// <summary>Loads the rules; a bad file is a <see cref="RuleStartupException"/> naming it.</summary>
    /// <remarks>
    /// Loads once per engine: the gateway loads before its host starts (a bad file is then one line, no stack trace),
    /// and the rule service's start, which every host runs, awaits that same load instead of reading the files again.
    /// </remarks>
    public Task<RuleReloadResult> LoadAtStartupAsync()
    {
        if (Volatile.Read(ref _startupLoad) is { } started)
        {
            return started;
        }

        var load = LoadCheckedAsync();
        return Interlocked.CompareExchange(ref _startupLoad, load, null) ?? load;
    }

    private Task<RuleReloadResult>? _startupLoad;

    private async Task<RuleReloadResult> LoadCheckedAsync()
    {
        var result = await ReloadAsync();
        return result.Errors.Count == 0
            ? result
            : throw new RuleStartupException($"rules could not be loaded: {string.Join("; ", result.Errors.Select(e => e.Message))}");
    }

    public async Task<RuleReloadResult> ReloadAsync()
    {
        if (_options.Directory is not { } directory)
        {
            return new RuleReloadResult(0, []);
        }

        await _reloadGate.WaitAsync();
        try
        {
            var (rules, errors) = RuleDirectoryLoader.Load(directory, ParseContext);
            if (errors.Count > 0)
            {
                return new RuleReloadResult(0, errors);
            }

            _current = new RuleSet(rules, _toggles);
            return new RuleReloadResult(rules.Count, []);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>Stores the toggle; false when no loaded rule has that name.</summary>
    public async Task<bool> SetEnabledAsync(string name, bool enabled)
    {
        if (_current.Find(name) is null)
        {
            return false;
        }

        await Toggles.SetAsync(name, enabled);
        await RefreshTogglesAsync();
        return true;
    }

    public async Task RefreshTogglesAsync()
    {
        var toggles = await Toggles.GetAsync();
        await _reloadGate.WaitAsync();
        try
        {
            if (!SameToggles(toggles, _toggles))
            {
                _toggles = new Dictionary<string, bool>(toggles, StringComparer.Ordinal);
                _current = _current.WithToggles(_toggles);
            }
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private IRuleTogglesGrain Toggles => _grains.Reference<IRuleTogglesGrain>(RuleTogglesGrain.Key);

    private static bool SameToggles(IReadOnlyDictionary<string, bool> a, IReadOnlyDictionary<string, bool> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
}

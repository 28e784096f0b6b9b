using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Acteon.Cluster.Tests.Support;
using Acteon.Silo.Configuration.Auth;
using Acteon.Tests.Shared;

namespace Acteon.Dashboard.Tests.Support;

/// <summary>
/// One real <c>Gateway.Api</c> process (SQLite, auth on, every stateful feature configured) for the dashboard tests,
/// with a loopback webhook as its provider. Tests seed what they show through the API (<see cref="Admin"/>).
/// </summary>
public sealed class DashboardGateway : IAsyncLifetime
{
    public const string Password = "dashboard password";
    public const string Namespace = "ops";
    public const string Tenant = "acme";
    public const string OtherTenant = "globex";
    private readonly StringBuilder _output = new();
    private Process? _process;

    public Uri BaseUrl { get; private set; } = null!;

    public CountingWebhook Webhook { get; private set; } = null!;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("acteon-dashboard-").FullName;

    /// <summary>An HTTP client logged in as admin.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        Webhook = await CountingWebhook.StartAsync();
        var port = Loopback.FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        await File.WriteAllTextAsync(Path.Combine(Directory, "acteon.toml"), Config(port, Webhook.Url, Loopback.FreePort()));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "rules"));
        await File.WriteAllTextAsync(Path.Combine(Directory, "rules", "rules.yaml"), Rules);
        _process = Launch();
        await WaitUntilLiveAsync();
        Admin = await LoginAsync("admin");
    }

    /// <summary>A client logged in as <paramref name="user"/> (admin, operator, viewer or acme-operator).</summary>
    public async Task<HttpClient> LoginAsync(string user)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(user));
        return client;
    }

    public async Task<string> TokenAsync(string user)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl };
        using var response = await client.PostAsJsonAsync("/v1/auth/login", new { username = user, password = Password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"login of {user}: {(int)response.StatusCode} {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Sends a request as admin and returns the status and JSON body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        using var response = await Admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, doc.RootElement.Clone());
    }

    /// <summary>Sends a request as admin that must answer 2xx; returns its body.</summary>
    public async Task<JsonElement> OkAsync(HttpMethod method, string path, object? body = null)
    {
        var (status, json) = await SendAsync(method, path, body);
        Assert.True((int)status is >= 200 and < 300, $"{method} {path}: {(int)status} {json}");
        return json;
    }

    /// <summary>Dispatches an action as admin (namespace ops, tenant acme unless given) and returns its outcome.</summary>
    public Task<JsonElement> DispatchAsync(string actionType, object payload, string provider = "hook", string tenant = Tenant, string? dedupKey = null) =>
        OkAsync(HttpMethod.Post, "/v1/dispatch", new
        {
            @namespace = Namespace,
            tenant,
            provider,
            action_type = actionType,
            payload,
            dedup_key = dedupKey,
        });

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        await Webhook.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the system cleans its temp directory.
        }
    }

    private Process Launch()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Directory, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gateway.Api.dll"));
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("acteon.toml");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilLiveAsync()
    {
        using var probe = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        await Wait.UntilAsync(async () =>
        {
            Assert.False(_process!.HasExited, $"the gateway exited during start-up: {Output}");
            try
            {
                using var response = await probe.GetAsync(new Uri("/health/live", UriKind.Relative));
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, "the gateway to answer /health/live", TimeSpan.FromSeconds(60));
    }

    private static string User(string name, string role, string tenants) => $"""
        [[auth.users]]
        username = "{name}"
        password_hash = "{PasswordHash.Hash(Password, 10_000)}"
        role = "{role}"
        [[auth.users.grants]]
        tenants = [{tenants}]
        namespaces = ["*"]
        providers = ["*"]
        actions = ["*"]
        """;

    /// <summary>A provider on a port nothing listens on: every call is a refused connection (a retryable failure).</summary>
    private static string Config(int port, Uri webhook, int closedPort) => $$$"""
        [server]
        host = "127.0.0.1"
        port = {{{port}}}
        approval_keys = [{ id = "k1", secret = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff" }]

        [state]
        backend = "sqlite"
        path = "data/acteon.db"

        [executor]
        max_retries = 0
        timeout_seconds = 10

        [rules]
        directory = "rules"

        [cluster]
        dashboard = true

        [circuit_breaker]
        enabled = true
        failure_threshold = 3
        success_threshold = 1
        recovery_timeout_seconds = 600

        [[providers]]
        name = "hook"
        type = "webhook"
        url = "{{{webhook}}}"

        [[providers]]
        name = "log"
        type = "log"

        [[providers]]
        name = "down"
        type = "webhook"
        url = "http://127.0.0.1:{{{closedPort}}}/refused"
        timeout_seconds = 2

        [[state_machines]]
        name = "incident"
        initial_state = "open"
        states = ["open", "acknowledged", "resolved"]
        transitions = [
          { from = "open", to = "acknowledged", notify = true },
          { from = "open", to = "resolved" },
          { from = "acknowledged", to = "resolved" },
          { from = "resolved", to = "open" },
        ]

        [[chains]]
        name = "triage"

        [[chains.steps]]
        name = "record"
        provider = "hook"
        action_type = "record_incident"
        payload_template = { incident = "{{origin.payload.incident}}" }

        [[chains.steps]]
        name = "page"
        provider = "hook"
        action_type = "page_on_call"
        delay_seconds = 3600
        payload_template = { incident = "{{origin.payload.incident}}" }

        [auth]
        enabled = true
        jwt_secret = "dashboard-secret-dashboard-secret-0123456789"
        {{{User("admin", "admin", "\"*\"")}}}
        {{{User("operator", "operator", "\"*\"")}}}
        {{{User("viewer", "viewer", "\"*\"")}}}
        {{{User("acme-operator", "operator", "\"acme\"")}}}
        """;

    /// <summary>One rule per stateful feature, each chosen by action_type.</summary>
    private const string Rules = """
        rules:
          - name: suppress-spam
            priority: 1
            condition: { field: action.action_type, eq: spam }
            action: { type: suppress }
          - name: group-metrics
            priority: 2
            condition: { field: action.action_type, eq: metric_alert }
            action: { type: group, group_by: [payload.service], group_wait_seconds: 3600, notify_provider: hook }
          - name: track-incidents
            priority: 3
            condition: { field: action.action_type, eq: incident }
            action: { type: state_machine, state_machine: incident, fingerprint_fields: [payload.incident] }
          - name: approve-refunds
            priority: 4
            condition: { field: action.action_type, eq: refund }
            action: { type: request_approval, notify_provider: log, timeout_seconds: 3600, message: Refunds need a manager }
          - name: run-triage
            priority: 5
            condition: { field: action.action_type, eq: triage }
            action: { type: chain, chain: triage }
        """;
}

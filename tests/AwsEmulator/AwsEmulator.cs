using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Acteon.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Acteon.AwsEmulator;

/// <summary>
/// SNS, SQS, Lambda, EventBridge, SES v2, EC2, Auto Scaling and STS on one loopback port, told apart by the
/// SigV4 credential scope. Every request must carry a valid signature; faults can be injected per service.
/// </summary>
public sealed class AwsEmulator(TimeProvider? time = null) : IAsyncDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<string, Queue<FaultKind>> _faults = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public EmulatorState State { get; } = new();

    public const string AccessKey = "AKIDEMULATOR";
    public const string SecretKey = "emulator-secret";

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public string BaseUrl => Url.GetLeftPart(UriPartial.Authority);

    public async Task<AwsEmulator> StartAsync()
    {
        _app = Loopback.CreateHttpServer();
        _app.Run(HandleAsync);
        Url = await Loopback.StartAsync(_app);
        return this;
    }

    /// <summary>Requests that passed signature verification, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string service, string? operation = null) =>
        [.. Requests.Where(r => r.Service == service && (operation is null || r.Operation == operation))];

    /// <summary>The next <paramref name="times"/> requests to <paramref name="service"/> fail with <paramref name="kind"/>.</summary>
    public void Inject(string service, FaultKind kind, int times = 1)
    {
        lock (_faults)
        {
            var queue = _faults.TryGetValue(service, out var q) ? q : _faults[service] = new();
            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(kind);
            }
        }
    }

    /// <summary>A JSON value as dotted keys: <c>{"a":{"b":[1]}}</c> → <c>a.b.0 = 1</c>.</summary>
    public static Dictionary<string, string> Flatten(JsonElement element)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonElement e, string prefix)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        Walk(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}");
                    }

                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item, string.Create(CultureInfo.InvariantCulture, $"{prefix}.{i++}"));
                    }

                    break;
                case JsonValueKind.String:
                    result[prefix] = e.GetString()!;
                    break;
                case JsonValueKind.Undefined:
                    break;
                default:
                    result[prefix] = e.GetRawText();
                    break;
            }
        }

        Walk(element, "");
        return result;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var reply = Process(context.Request, context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget, body);
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        foreach (var (key, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[key] = value;
        }

        await context.Response.Body.WriteAsync(reply.Body);
    }

    private Reply Process(HttpRequest request, string rawTarget, byte[] body)
    {
        var auth = SignatureCheck.Verify(request, rawTarget, body, State, _time);
        if (auth.Error is { } error)
        {
            return error;
        }

        var service = auth.Service;
        var (operation, parameters) = ReadOperation(request, rawTarget, service, body);
        if (operation is null)
        {
            return Wire.Error(service, 400, "InvalidAction", $"no operation for {request.Method} {rawTarget}");
        }

        lock (_requests)
        {
            _requests.Add(new RecordedRequest(service, operation, parameters, System.Text.Encoding.UTF8.GetString(body), auth.AccessKey, auth.SessionToken, auth.Region));
        }

        lock (_faults)
        {
            if (_faults.TryGetValue(service, out var queue) && queue.TryDequeue(out var fault))
            {
                return Wire.Fault(service, fault);
            }
        }

        lock (State.Sync)
        {
            return Wire.ProtocolOf(service) switch
            {
                Protocol.Query => QueryServices.Handle(State, _time, service, operation, parameters),
                Protocol.Ec2 => Ec2Service.Handle(State, operation, parameters),
                Protocol.Json => JsonServices.Handle(State, BaseUrl, service, operation, Json(body)),
                _ => RestServices.Handle(State, operation, parameters, body),
            };
        }
    }

    private static (string? Operation, Dictionary<string, string> Parameters) ReadOperation(HttpRequest request, string rawTarget, string service, byte[] body)
    {
        var query = rawTarget.Contains('?', StringComparison.Ordinal) ? rawTarget[(rawTarget.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        var path = rawTarget.Split('?')[0];
        switch (Wire.ProtocolOf(service))
        {
            case Protocol.Query or Protocol.Ec2:
                var form = Form(request.Method == "GET" ? query : System.Text.Encoding.UTF8.GetString(body));
                return (form.GetValueOrDefault("Action"), form);
            case Protocol.Json:
                var target = request.Headers["X-Amz-Target"].ToString();
                return (target.Contains('.', StringComparison.Ordinal) ? target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..] : null, Flatten(Json(body)));
            default:
                var route = RestServices.Route(service, request.Method, path, name => request.Headers[name].FirstOrDefault());
                if (route is null)
                {
                    return (null, []);
                }

                var parameters = route.Value.Parameters;
                foreach (var (key, value) in Form(query))
                {
                    parameters[key] = value;
                }

                if (route.Value.Operation != "Invoke")
                {
                    foreach (var (key, value) in Flatten(Json(body)))
                    {
                        parameters[key] = value;
                    }
                }

                return (route.Value.Operation, parameters);
        }
    }

    private static Dictionary<string, string> Form(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Unescape(p[0]), p => p.Length > 1 ? Unescape(p[1]) : "", StringComparer.Ordinal);

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static JsonElement Json(byte[] body)
    {
        if (body.Length == 0)
        {
            return default;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    internal static string Sha256Hex(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

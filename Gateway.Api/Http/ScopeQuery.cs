using System.Globalization;
using Acteon.Gateway.Api.Auth;

namespace Acteon.Gateway.Api.Http;

/// <summary>
/// The query of a scoped list or read: <c>namespace</c> and <c>tenant</c> (required), <c>status</c> where the route
/// names its values, <c>limit</c> (default 50, at most 1000) and <c>offset</c> where it is paged, plus the parameters
/// a route names; any other parameter is a 400 naming it. A scope no grant of the caller covers is a 403.
/// </summary>
public sealed record ScopeQuery(string Namespace, string Tenant, string? Status, int Limit, int Offset)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    /// <summary>Null with <paramref name="error"/> set when a parameter is missing, bad or unknown (400 naming it), or the caller may not see the scope (403).</summary>
    /// <param name="query">The request's query string.</param>
    /// <param name="caller">Whose grants must cover the scope.</param>
    /// <param name="error">Set when this returns null.</param>
    /// <param name="statuses">The values <c>status</c> may take (none: <c>status</c> is not a parameter, unless in <paramref name="extra"/>).</param>
    /// <param name="paged">Whether <c>limit</c> and <c>offset</c> are read.</param>
    /// <param name="extra">Other parameters the route reads itself.</param>
    public static ScopeQuery? Read(IQueryCollection query, Caller caller, out ApiError? error, string[]? statuses = null, bool paged = true, string[]? extra = null)
    {
        var errors = new List<FieldError>();
        string[] known = ["namespace", "tenant", .. paged ? new[] { "limit", "offset" } : [], .. statuses is null ? [] : new[] { "status" }, .. extra ?? []];
        foreach (var key in query.Keys)
        {
            if (Array.IndexOf(known, key) < 0)
            {
                errors.Add(new FieldError(key, $"is not a parameter of this endpoint; use {string.Join(", ", known)}"));
            }
        }

        var status = statuses is null ? null : Text(query, "status");
        if (status is not null && Array.IndexOf(statuses!, status) < 0)
        {
            errors.Add(new FieldError("status", $"must be one of {string.Join(", ", statuses!)}, not '{status}'"));
        }

        var ns = Required(query, "namespace", errors);
        var tenant = Required(query, "tenant", errors);
        var limit = paged ? Integer(query, "limit", 1, errors) ?? DefaultLimit : DefaultLimit;
        var offset = paged ? Integer(query, "offset", 0, errors) ?? 0 : 0;
        if (errors.Count > 0)
        {
            error = ApiError.BadRequest($"invalid query parameter '{errors[0].Path}': {errors[0].Message}", errors);
            return null;
        }

        if (!caller.CanManageScope(tenant!, ns!))
        {
            error = Caller.Forbidden(tenant!, ns!);
            return null;
        }

        error = null;
        return new ScopeQuery(ns!, tenant!, status, Math.Min(limit, MaxLimit), offset);
    }

    public static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } text ? text : null;

    private static string? Required(IQueryCollection query, string name, List<FieldError> errors)
    {
        var text = Text(query, name);
        if (text is null)
        {
            errors.Add(new FieldError(name, "is required"));
        }

        return text;
    }

    private static int? Integer(IQueryCollection query, string name, int min, List<FieldError> errors)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        errors.Add(new FieldError(name, string.Create(CultureInfo.InvariantCulture, $"must be a whole number of at least {min}, not '{text}'")));
        return null;
    }
}

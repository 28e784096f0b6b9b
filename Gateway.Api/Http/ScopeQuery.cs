using System.Globalization;

namespace Acteon.Gateway.Api.Http;

/// <summary>
/// The query of a scoped list or read: <c>namespace</c> and <c>tenant</c> (required), <c>limit</c> (default 50, at most
/// 1000) and <c>offset</c>, plus the parameters a route names; any other parameter is a 400 naming it.
/// </summary>
public sealed record ScopeQuery(string Namespace, string Tenant, int Limit, int Offset)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public static ScopeQuery? Read(IQueryCollection query, out ApiError? error, params string[] extra)
    {
        var errors = new List<FieldError>();
        foreach (var key in query.Keys)
        {
            if (key is not ("namespace" or "tenant" or "limit" or "offset") && Array.IndexOf(extra, key) < 0)
            {
                errors.Add(new FieldError(key, $"is not a parameter of this endpoint; use namespace, tenant, limit, offset{string.Concat(extra.Select(e => ", " + e))}"));
            }
        }

        var ns = Required(query, "namespace", errors);
        var tenant = Required(query, "tenant", errors);
        var limit = Integer(query, "limit", 1, errors) ?? DefaultLimit;
        var offset = Integer(query, "offset", 0, errors) ?? 0;
        if (errors.Count > 0)
        {
            error = ApiError.BadRequest($"invalid query parameter '{errors[0].Path}': {errors[0].Message}", errors);
            return null;
        }

        error = null;
        return new ScopeQuery(ns!, tenant!, Math.Min(limit, MaxLimit), offset);
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

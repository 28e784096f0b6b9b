namespace Acteon.Gateway.Api.Http;

/// <summary>One bad field of a request: its JSON path (<c>$.actions[2].provider</c>) and what is wrong.</summary>
public sealed record FieldError(string Path, string Message);

namespace Acteon.Gateway.Api.OpenApi;

/// <summary><c>status</c> is "success" (with <c>outcome</c>) or "error" (with <c>error.message</c>).</summary>
public sealed record BatchElementSchema(string Status, OutcomeSchema? Outcome, ErrorMessageSchema? Error);

namespace Acteon.AwsEmulator;

/// <summary>An emulated function: what an invocation answers, and the <c>X-Amz-Function-Error</c> it reports, if any.</summary>
public sealed record LambdaFunction(string Name, string ResultJson, string? FunctionError = null);

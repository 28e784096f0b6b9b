using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Grains.Execution;

/// <summary>The provider's response, or its last error, and how many attempts it took.</summary>
public readonly record struct ExecutionResult(ProviderResponse? Response, ProviderError? Error, int Attempts);

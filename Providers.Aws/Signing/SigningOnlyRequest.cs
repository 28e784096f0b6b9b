using Amazon.Runtime;

namespace Acteon.Providers.Aws.Signing;

/// <summary>The SDK's request object that <see cref="Amazon.Runtime.Internal.DefaultRequest"/> needs; it carries nothing.</summary>
internal sealed class SigningOnlyRequest : AmazonWebServiceRequest;

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Acteon.Silo.Storage;

/// <summary>
/// Serializes grain state as JSON with the source-generated contexts the grain assemblies register, so a stored row
/// stays readable (and queryable) in the database.
/// </summary>
internal sealed class GrainStateSerializer
{
    private readonly JsonSerializerOptions _options;

    public GrainStateSerializer(IEnumerable<IJsonTypeInfoResolver> resolvers)
    {
        _options = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers, new DefaultJsonTypeInfoResolver()]),
        };
        _options.MakeReadOnly();
    }

    public byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, (JsonTypeInfo<T>)_options.GetTypeInfo(typeof(T)));

    public T Deserialize<T>(byte[] data) => JsonSerializer.Deserialize(data, (JsonTypeInfo<T>)_options.GetTypeInfo(typeof(T)))!;
}

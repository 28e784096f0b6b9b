using System.Collections.Concurrent;
using System.Reflection;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Runtime;

/// <summary>Turns a grain interface method into a queued call, once per method (cached).</summary>
internal static class GrainMethodInvoker
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<GrainCatalog, GrainId, object?[]?, object>> Cache = new();

    public static Func<GrainCatalog, GrainId, object?[]?, object> For(MethodInfo method) =>
        Cache.GetOrAdd(method, Build);

    private static Func<GrainCatalog, GrainId, object?[]?, object> Build(MethodInfo method)
    {
        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            return (catalog, id, args) => catalog.InvokeAsync(id, async grain =>
            {
                await (Task)Call(method, grain, args);
                return true;
            });
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var helper = typeof(GrainMethodInvoker).GetMethod(nameof(InvokeTyped), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(returnType.GetGenericArguments()[0]);
            var typed = helper.CreateDelegate<Func<GrainCatalog, GrainId, object?[]?, MethodInfo, Task>>();
            return (catalog, id, args) => typed(catalog, id, args, method);
        }

        throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task or Task<T>.");
    }

    private static Task<T> InvokeTyped<T>(GrainCatalog catalog, GrainId id, object?[]? args, MethodInfo method) =>
        catalog.InvokeAsync(id, grain => (Task<T>)Call(method, grain, args));

    private static object Call(MethodInfo method, object grain, object?[]? args) =>
        method.Invoke(grain, BindingFlags.DoNotWrapExceptions, null, args, null)!;
}

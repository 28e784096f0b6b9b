using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Acteon.Grains.Abstractions.Runtime;

namespace Acteon.Silo.Runtime;

/// <summary>Turns a grain interface method into a queued call, once per method (cached, compiled: no reflection per call).</summary>
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
            var call = Compile<Task>(method);
            return (catalog, id, args) => catalog.InvokeAsync(id, async grain =>
            {
                await call(grain, args);
                return true;
            });
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var helper = typeof(GrainMethodInvoker).GetMethod(nameof(BuildTyped), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(returnType.GetGenericArguments()[0]);
            return helper.CreateDelegate<Func<MethodInfo, Func<GrainCatalog, GrainId, object?[]?, object>>>()(method);
        }

        throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task or Task<T>.");
    }

    private static Func<GrainCatalog, GrainId, object?[]?, object> BuildTyped<T>(MethodInfo method)
    {
        var call = Compile<Task<T>>(method);
        return (catalog, id, args) => catalog.InvokeAsync(id, grain => call(grain, args));
    }

    /// <summary><c>(grain, args) => ((TInterface)grain).Method((T0)args[0], ...)</c>.</summary>
    private static Func<object, object?[]?, TResult> Compile<TResult>(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var arguments = method.GetParameters().Select((p, i) =>
            Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        var body = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);
        return Expression.Lambda<Func<object, object?[]?, TResult>>(body, grain, args).Compile();
    }
}

using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Widget.Core.Text;
using Widget.Web.Language;

namespace Widget.Web.Realtime;

/// <summary>
/// Refuses a call that sends null where the hub method's parameter may not be null, so a hand-made client
/// gets a message naming the parameter rather than SignalR's "unexpected error" from deep inside the method.
/// </summary>
public sealed class HubArgumentGuard : IHubFilter
{
    /// <summary>Per method, the name of each parameter that may not be null, or null for one that may.</summary>
    private static readonly ConcurrentDictionary<MethodInfo, string?[]> Required = new();

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var required = Required.GetOrAdd(invocationContext.HubMethod, NonNullable);
        var arguments = invocationContext.HubMethodArguments;
        for (var i = 0; i < required.Length && i < arguments.Count; i++)
        {
            if (required[i] is { } name && arguments[i] is null)
            {
                throw HubLanguage.Refusal(invocationContext.Context, Notice.Of("Hub.MissingArgument", invocationContext.HubMethodName, name));
            }
        }

        return next(invocationContext);
    }

    private static string?[] NonNullable(MethodInfo method)
    {
        // Not thread-safe, so one per method; each method is read once.
        var nullability = new NullabilityInfoContext();
        return method.GetParameters()
            .Select(p => !p.ParameterType.IsValueType && nullability.Create(p).WriteState == NullabilityState.NotNull ? p.Name : null)
            .ToArray();
    }
}

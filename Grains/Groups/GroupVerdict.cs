using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Groups;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Dispatch;
using Acteon.Grains.Rules.Actions;

namespace Acteon.Grains.Groups;

/// <summary>Carries out a <c>group</c> verdict: the action joins the group its group_by values name; no provider is called.</summary>
internal static class GroupVerdict
{
    public static async Task<DispatchOutcome> HandleAsync(GroupAddBatcher groups, GatewayAction action, GroupAction rule, DateTimeOffset now)
    {
        var labels = rule.GroupBy.Values(action);
        var groupKey = rule.GroupBy.GroupKey(action, labels);
        var settings = new GroupSettings
        {
            Namespace = action.Namespace,
            Tenant = action.Tenant,
            GroupKey = groupKey,
            Provider = rule.NotifyProvider ?? action.Provider,
            Labels = labels,
            GroupWait = rule.GroupWait,
            GroupInterval = rule.GroupInterval,
            RepeatInterval = rule.RepeatInterval,
            MaxGroupSize = rule.MaxGroupSize,
        };
        var grouped = new GroupedEvent { ActionId = action.Id, Fingerprint = action.Fingerprint, Status = action.Status, Payload = action.Payload, ReceivedAt = now };
        var added = await groups.AddAsync(VerdictHandler.ScopedKey(action, groupKey), grouped, settings);
        return new GroupedOutcome(added.GroupId, groupKey, added.GroupSize, added.NotifyAt);
    }
}

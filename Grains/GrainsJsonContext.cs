using System.Text.Json.Serialization;
using Acteon.Grains.Deduplication;
using Acteon.Grains.Recurring;
using Acteon.Grains.Abstractions.Groups;
using Acteon.Grains.Groups;
using Acteon.Grains.StateMachines;
using Acteon.Grains.Rules.Toggles;
using Acteon.Grains.Scheduling;
using Acteon.Grains.Throttling;

namespace Acteon.Grains;

/// <summary>Source-generated serialization of every durable grain state in this assembly.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DeduplicationState))]
[JsonSerializable(typeof(ThrottleState))]
[JsonSerializable(typeof(ScheduledActionState))]
[JsonSerializable(typeof(RuleTogglesState))]
[JsonSerializable(typeof(RecurringState))]
[JsonSerializable(typeof(GroupState))]
[JsonSerializable(typeof(GroupedEvent))]
[JsonSerializable(typeof(GroupNotificationPayload))]
[JsonSerializable(typeof(FingerprintState))]
[JsonSerializable(typeof(EventIndexState))]
[JsonSerializable(typeof(TimeoutNotificationPayload))]
[JsonSerializable(typeof(TransitionNotificationPayload))]
internal sealed partial class GrainsJsonContext : JsonSerializerContext;

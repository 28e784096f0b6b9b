namespace Acteon.Grains.Abstractions.Runtime;

/// <summary>A grain that receives durable reminders. Delivery is at least once.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}

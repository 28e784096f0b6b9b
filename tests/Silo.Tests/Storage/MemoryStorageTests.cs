using Acteon.Grains.Abstractions.Groups;
using Acteon.Grains.Abstractions.Recurring;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Silo.Storage;
using Acteon.Silo.Storage.Memory;

namespace Acteon.Silo.Tests.Storage;

public sealed class MemoryStorageTests : StorageConformanceTests
{
    protected override IGrainStateStore CreateGrainStateStore() => new MemoryGrainStateStore();

    protected override IAuditStore CreateAuditStore() => new MemoryAuditStore();

    protected override IRecurringIndex CreateRecurringIndex() => new MemoryRecurringIndex();

    protected override IGroupEventLog CreateGroupEventLog() => new MemoryGroupEventLog();

    protected override IGroupIndex CreateGroupIndex() => new MemoryGroupIndex();
}

using Acteon.Gateway.Api.Auth;
using System.Text.Json;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.OpenApi;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Groups;
using Acteon.Grains.Dispatch;

namespace Acteon.Gateway.Api.Groups;

/// <summary><c>/v1/groups</c>: a scope's live groups (from the store's group index), one group with its events, and flush-now.</summary>
public static class GroupEndpoints
{
    public static RouteGroupBuilder MapGroupEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/groups").WithTags("Groups");
        var read = group.MapGroup("").RequirePermission(Permission.GroupsRead);
        var manage = group.MapGroup("").RequirePermission(Permission.GroupsManage);
        read.MapGet("", ListAsync).WithSummary("The live groups of a namespace and tenant, in key order, paged")
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest);
        read.MapGet("/{group_key}", GetAsync).WithSummary("One group with its events' payloads")
            .Produces<ErrorSchema>(StatusCodes.Status404NotFound);
        manage.MapDelete("/{group_key}", FlushAsync).WithSummary("Flush a group now: its notification is sent")
            .Produces<ErrorSchema>(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext http, Caller caller, IGrainFactory grains, IGroupIndex index)
    {
        if (ScopeQuery.Read(http.Request.Query, caller, out var error) is not { } scope)
        {
            return error!.ToResult();
        }

        var page = await index.ListAsync(scope.Namespace, scope.Tenant, scope.Offset, scope.Limit, http.RequestAborted);
        var groups = await Task.WhenAll(page.Keys.Select(k => Grain(grains, scope, k).GetAsync()));
        return DispatchEndpoints.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("groups");
            foreach (var snapshot in groups)
            {
                if (snapshot is not null)
                {
                    WriteSummary(writer, snapshot, events: false);
                }
            }

            writer.WriteEndArray();
            writer.WriteNumber("total", page.Total);
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAsync(string group_key, HttpContext http, Caller caller, IGrainFactory grains)
    {
        if (ScopeQuery.Read(http.Request.Query, caller, out var error) is not { } scope)
        {
            return error!.ToResult();
        }

        return await Grain(grains, scope, group_key).GetAsync() is { } snapshot
            ? DispatchEndpoints.Json(writer => WriteSummary(writer, snapshot, events: true))
            : NotFound(group_key);
    }

    private static async Task<IResult> FlushAsync(string group_key, HttpContext http, Caller caller, IGrainFactory grains)
    {
        if (ScopeQuery.Read(http.Request.Query, caller, out var error) is not { } scope)
        {
            return error!.ToResult();
        }

        return await Grain(grains, scope, group_key).FlushNowAsync() is { } flushed
            ? DispatchEndpoints.Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("group_id", flushed.GroupId);
                writer.WriteNumber("event_count", flushed.EventCount);
                writer.WriteString("status", "flushed");
                writer.WriteEndObject();
            })
            : NotFound(group_key);
    }

    private static IGroupGrain Grain(IGrainFactory grains, ScopeQuery scope, string groupKey) =>
        grains.Reference<IGroupGrain>(VerdictHandler.ScopedKey(scope.Namespace, scope.Tenant, groupKey));

    private static IResult NotFound(string groupKey) => ApiError.NotFound($"group not found: {groupKey}").ToResult();

    private static void WriteSummary(Utf8JsonWriter writer, GroupSnapshot group, bool events)
    {
        writer.WriteStartObject();
        writer.WriteString("group_id", group.GroupId);
        writer.WriteString("group_key", group.GroupKey);
        writer.WriteNumber("event_count", group.EventCount);
        writer.WriteString("state", group.State);
        writer.WriteString("notify_at", JsonTime.Format(group.NotifyAt));
        writer.WriteString("created_at", JsonTime.Format(group.CreatedAt));
        writer.WriteStartObject("labels");
        foreach (var (key, value) in group.Labels)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        if (events)
        {
            writer.WriteStartArray("events");
            foreach (var payload in group.Events)
            {
                payload.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}

using Microsoft.AspNetCore.Authorization;

namespace Acteon.Gateway.Api.Auth;

public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

/// <summary>Checks the caller's role (and, for gateway-wide permissions, a grant for everything) against <see cref="Permissions"/>.</summary>
public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return Task.CompletedTask;
        }

        if (Permissions.Denial(caller, requirement.Permission) is { } denial)
        {
            context.Fail(new AuthorizationFailureReason(this, denial));
        }
        else
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

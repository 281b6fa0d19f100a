using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Widget.Core.Posts;
using Widget.Web.Auth;

namespace Widget.Web.Posting;

/// <summary><c>PATCH /api/posts/{id}</c>: the author changes a post's text; see docs/api.md.</summary>
public static class PostEditApi
{
    public static WebApplication MapPostEditApi(this WebApplication app)
    {
        var maxRequestBytes = app.Services.GetRequiredService<IOptions<PostingOptions>>().Value.MaxRequestBytes;
        app.MapPatch("/api/posts/{id:long}", EditAsync)
            .RequireAuthorization(AuthPolicies.SignedIn)
            .WithMetadata(new RequestSizeLimitAttribute(maxRequestBytes));
        return app;
    }

    public static async Task<Results<Ok<Post>, ProblemHttpResult>> EditAsync(
        long id, EditTextRequest request, ClaimsPrincipal user, PostEditing editing, CancellationToken ct)
    {
        var result = await editing.EditAsync(user.ToPostAuthor()!, id, request.Text, ct);
        return result.Accepted ? TypedResults.Ok(result.Post) : PostsApi.ToProblem(result.Rejection);
    }
}

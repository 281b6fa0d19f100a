using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Widget.Data.Migrations
{
    /// <summary>
    /// The moderator desk lists the posts hidden from its tag to offer an unhide; a partial index keeps that a
    /// probe into the few hidden rows rather than a walk over every post of the tag.
    /// </summary>
    public partial class HiddenPosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_post_tags_tag_hidden_at",
                table: "post_tags",
                columns: new[] { "tag", "hidden_at" },
                filter: "hidden_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_post_tags_tag_hidden_at",
                table: "post_tags");
        }
    }
}

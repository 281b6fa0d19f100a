using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Widget.Data.Migrations
{
    /// <inheritdoc />
    public partial class Microblog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_posts_author_id_id",
                table: "posts",
                columns: new[] { "author_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_posts_created_at",
                table: "posts",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_posts_author_id_id",
                table: "posts");

            migrationBuilder.DropIndex(
                name: "ix_posts_created_at",
                table: "posts");
        }
    }
}

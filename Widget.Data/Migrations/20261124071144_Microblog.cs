using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Widget.Data.Migrations
{
    /// <inheritdoc />
    public partial class Microblog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "posts",
                type: "tsvector",
                nullable: false,
                computedColumnSql: "to_tsvector('russian', text) || to_tsvector('simple', text)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_posts_author_id_id",
                table: "posts",
                columns: new[] { "author_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_posts_created_at",
                table: "posts",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_posts_search_vector",
                table: "posts",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_channels_tag_prefix",
                table: "channels",
                column: "tag")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });
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

            migrationBuilder.DropIndex(
                name: "ix_posts_search_vector",
                table: "posts");

            migrationBuilder.DropIndex(
                name: "ix_channels_tag_prefix",
                table: "channels");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "posts");
        }
    }
}

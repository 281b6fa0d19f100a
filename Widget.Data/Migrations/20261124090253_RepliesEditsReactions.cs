using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Widget.Data.Migrations
{
    /// <inheritdoc />
    public partial class RepliesEditsReactions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "edited_at",
                table: "posts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "reply_to_id",
                table: "posts",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "post_reactions",
                columns: table => new
                {
                    post_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    emoji = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_reactions", x => new { x.post_id, x.user_id, x.emoji });
                    table.ForeignKey(
                        name: "fk_post_reactions_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_post_reactions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_posts_reply_to_id",
                table: "posts",
                column: "reply_to_id",
                filter: "reply_to_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_post_reactions_user_id",
                table: "post_reactions",
                column: "user_id");

            migrationBuilder.AddForeignKey(
                name: "fk_posts_posts_reply_to_id",
                table: "posts",
                column: "reply_to_id",
                principalTable: "posts",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_posts_posts_reply_to_id",
                table: "posts");

            migrationBuilder.DropTable(
                name: "post_reactions");

            migrationBuilder.DropIndex(
                name: "ix_posts_reply_to_id",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "edited_at",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "reply_to_id",
                table: "posts");
        }
    }
}

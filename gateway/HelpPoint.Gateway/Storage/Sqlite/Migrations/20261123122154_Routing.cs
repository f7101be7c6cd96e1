using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpPoint.Gateway.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Routing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "branches",
                table: "staff",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "languages",
                table: "staff",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "escalated",
                table: "requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "offer_expires_at",
                table: "requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "offered_to",
                table: "requests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome",
                table: "requests",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tried",
                table: "requests",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "is_desk",
                table: "duty",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "last_activity_at",
                table: "duty",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "prompted_at",
                table: "duty",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "accept_timeout_s",
                table: "branches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "opening_hours",
                table: "branches",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "target_accept_s",
                table: "branches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "roster",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    branch = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    start_time = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    end_time = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roster", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_requests_state_offer",
                table: "requests",
                columns: new[] { "state", "offer_expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_roster_branch_day",
                table: "roster",
                columns: new[] { "branch", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "roster");

            migrationBuilder.DropIndex(
                name: "ix_requests_state_offer",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "branches",
                table: "staff");

            migrationBuilder.DropColumn(
                name: "languages",
                table: "staff");

            migrationBuilder.DropColumn(
                name: "escalated",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "offer_expires_at",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "offered_to",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "outcome",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "tried",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "is_desk",
                table: "duty");

            migrationBuilder.DropColumn(
                name: "last_activity_at",
                table: "duty");

            migrationBuilder.DropColumn(
                name: "prompted_at",
                table: "duty");

            migrationBuilder.DropColumn(
                name: "accept_timeout_s",
                table: "branches");

            migrationBuilder.DropColumn(
                name: "opening_hours",
                table: "branches");

            migrationBuilder.DropColumn(
                name: "target_accept_s",
                table: "branches");
        }
    }
}

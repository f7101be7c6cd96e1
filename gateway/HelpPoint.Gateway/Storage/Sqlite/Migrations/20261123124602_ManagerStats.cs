using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpPoint.Gateway.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ManagerStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "daily_aggregates",
                columns: table => new
                {
                    branch = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    format = table.Column<int>(type: "INTEGER", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    folded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_aggregates", x => new { x.branch, x.day });
                });

            migrationBuilder.CreateTable(
                name: "device_registrations",
                columns: table => new
                {
                    device_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    branch = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    registered_at = table.Column<long>(type: "INTEGER", nullable: false),
                    registered_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    secret_issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_registrations", x => x.device_id);
                });

            migrationBuilder.CreateTable(
                name: "fleet_alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    branch = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    device = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    since = table.Column<long>(type: "INTEGER", nullable: true),
                    raised_at = table.Column<long>(type: "INTEGER", nullable: false),
                    cleared_at = table.Column<long>(type: "INTEGER", nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fleet_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_contacts",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_contacts", x => x.user_name);
                });

            migrationBuilder.CreateTable(
                name: "summary_mail_log",
                columns: table => new
                {
                    branch = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_summary_mail_log", x => new { x.branch, x.day });
                });

            migrationBuilder.CreateIndex(
                name: "ix_fleet_alerts_branch_raised",
                table: "fleet_alerts",
                columns: new[] { "branch", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_fleet_alerts_cleared",
                table: "fleet_alerts",
                column: "cleared_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_aggregates");

            migrationBuilder.DropTable(
                name: "device_registrations");

            migrationBuilder.DropTable(
                name: "fleet_alerts");

            migrationBuilder.DropTable(
                name: "staff_contacts");

            migrationBuilder.DropTable(
                name: "summary_mail_log");
        }
    }
}

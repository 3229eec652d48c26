// `yardstick pay table|person`: the pay scale, and how one person's pay is derived from it.
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "base/text.h"
#include "cli/command.h"
#include "engine/pay.h"
#include "io/people_export.h"
#include "org/org_frameworks.h"
#include "org/pay_job.h"
#include "review/payroll_job.h"

namespace yardstick::cli {
namespace {

struct TableArgs {
  std::string framework;
  std::string db;
};

void PrintScale(const model::Framework& framework) {
  const model::Pay& pay = framework.pay;
  std::cout << fmt::format("{} ({}): base pay per {}, in {}\n", framework.name, framework.id,
                           pay.period, pay.currency.empty() ? "—" : pay.currency);
  if (pay.families.empty()) {
    std::cout << "  no pay families\n";
    return;
  }
  std::string header = fmt::format("  {:<6}", "grade");
  for (const model::PayFamily& family : pay.families) header += fmt::format(" {:>14}", family.id);
  std::cout << header << "\n";
  for (int grade = framework.scale.size() - 1; grade >= 0; --grade) {
    std::string row = fmt::format("  {:<6}", framework.scale.IdAt(grade));
    for (const model::PayFamily& family : pay.families) {
      Result<double> base = engine::FamilyPay(framework, family, grade);
      row += fmt::format(" {:>14}", base.ok() ? FormatAmount(*base, 0) : "—");
    }
    std::cout << row << "\n";
  }
  for (const model::Position& position : framework.positions) {
    if (position.allowance > 0) {
      std::cout << fmt::format("  allowance {} {} while holding {}\n",
                               FormatAmount(position.allowance, 0), pay.currency, position.id);
    }
  }
}

Action TableSetup(CLI::App& app) {
  auto args = std::make_shared<TableArgs>();
  app.add_option("framework", args->framework, "Only this framework (default: every one in use)");
  AddDatabaseOption(app, args->db);
  app.footer(
      "The one pay scale per grade and pay family, and the positions' allowances, from the "
      "current version of each ladder. Changing it is a new framework version (`yardstick "
      "framework load`), never an edit to people.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<org::OrgFrameworks> frameworks = org::OrgFrameworks::Load(*store);
    if (!frameworks.ok()) return ReportFailure(frameworks.status());
    bool shown = false;
    for (const auto& [id, framework] : frameworks->frameworks()) {
      if (!args->framework.empty() && id != args->framework) continue;
      PrintScale(framework);
      shown = true;
    }
    if (!shown) {
      return ReportFailure(Status::NotFound(
          args->framework.empty()
              ? "no comparison group uses a framework yet"
              : fmt::format("no comparison group uses framework '{}'", args->framework)));
    }
    return kExitOk;
  };
}

struct PersonArgs {
  std::string person;
  std::string actor;
  std::string db;
};

Action PersonSetup(CLI::App& app) {
  auto args = std::make_shared<PersonArgs>();
  app.add_option("person", args->person, "The person's id")->required();
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  app.footer(
      "Base pay from the scale at the person's grade, plus their position's allowance while they "
      "hold it; nothing per person. Shown to the person, their managers and the people team; "
      "every look is in the audit log.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<org::PersonPay> pay = org::PayOf(*store, args->person, args->actor);
    if (!pay.ok()) return ReportFailure(pay.status());
    const engine::PayDerivation& p = pay->pay;
    std::cout << fmt::format("{} {}: {} {} per {}\n", pay->person.id, pay->person.name,
                             FormatAmount(p.total, 0), p.currency, p.period);
    std::cout << fmt::format("  base       {:>10}  pay family {} at grade {} (framework {})\n",
                             FormatAmount(p.base, 0), p.family, p.grade, pay->framework_id);
    std::cout << fmt::format(
        "  allowance  {:>10}  {}\n", FormatAmount(p.allowance, 0),
        p.position.empty() ? "no position held" : "while holding " + p.position);
    return kExitOk;
  };
}

struct PayrollArgs {
  std::string cycle;
  std::string output;
  std::string format;
  std::string actor;
  std::string db;
};

void PrintPayroll(const review::Payroll& payroll) {
  for (const review::PayrollLine& line : payroll.lines) {
    std::string text = fmt::format("{}  {}", line.person.id, line.person.name);
    if (line.bonus) {
      text += fmt::format(", bonus {} {} (held {}, performed at {})", FormatAmount(*line.bonus, 2),
                          payroll.currency, line.grade_held, line.performed);
    }
    if (!line.change.empty()) text += ", " + line.change;
    std::cout << text << "\n";
  }
}

Action PayrollSetup(CLI::App& app) {
  auto args = std::make_shared<PayrollArgs>();
  app.add_option("cycle", args->cycle, "Cycle id")->required();
  app.add_option("-o,--output", args->output, "Write it to this file (CSV or XLSX)");
  AddExportFormatOption(app, args->format);
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  app.footer(
      "What payroll pays because of the cycle, once its slate has been reviewed and applied: each "
      "bonus for performing above one's grade, due in full the day after the period ends (no "
      "deferral, no clawback), and the pay of everyone promoted, from the scale. The people team "
      "exports it; every export is in the audit log.");
  return [args] {
    std::optional<io::ExportFormat> format;
    if (!args->output.empty()) {
      format = ExportFormatOrReport(args->format, args->output);
      if (!format) return kExitFailure;
    }
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<review::Payroll> payroll = review::CyclePayroll(*store, args->cycle, args->actor);
    if (!payroll.ok()) return ReportFailure(payroll.status());
    int bonuses = 0;
    int changes = 0;
    for (const review::PayrollLine& line : payroll->lines) {
      bonuses += line.bonus ? 1 : 0;
      changes += line.change.empty() ? 0 : 1;
    }
    if (format) {
      const io::ExportTable table = review::PayrollTable(*payroll);
      if (Status written = io::WriteExport(table, *format, args->output); !written.ok()) {
        return ReportFailure(written);
      }
    } else {
      PrintPayroll(*payroll);
    }
    std::cout << fmt::format(
        "payroll of cycle {}: {} bonus{}, {} {} in all, payable {}; {} promotion{}{}\n",
        args->cycle, bonuses, bonuses == 1 ? "" : "es", FormatAmount(payroll->total_bonus, 2),
        payroll->currency, payroll->payable.ToString(), changes, changes == 1 ? "" : "s",
        format ? " — written to " + args->output : "");
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> PayCommands() {
  return {
      {"pay", "table", "The pay scale: base pay per grade and family, and allowances", TableSetup},
      {"pay", "person", "How a person's pay is derived from the scale", PersonSetup},
      {"cycle", "payroll",
       "Bonuses and promotions' pay for payroll, right after the period (terminal, CSV, XLSX)",
       PayrollSetup}};
}

}  // namespace yardstick::cli

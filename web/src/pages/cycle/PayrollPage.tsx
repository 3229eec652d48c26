// The cycle's payroll (GET /api/cycles/{id}/payroll, the people team): what payroll pays because
// of the cycle — each bonus, and for everyone promoted the change and their pay now — with the
// total, and the same as a CSV or XLSX download.
import { api, type CycleDetail, type Payroll } from "../../api";
import { Empty, ErrorState, Loading } from "../../components/States";
import { formatDate, formatMoney } from "../../format";
import { useFetch } from "../../useFetch";
import { CycleFrame } from "./CycleFrame";

export function PayrollPage({ cycleId }: { cycleId: string }) {
  return <CycleFrame cycleId={cycleId} view="payroll">{(cycle) => <PayrollLoader cycle={cycle} />}</CycleFrame>;
}

function PayrollLoader({ cycle }: { cycle: CycleDetail }) {
  const payroll = useFetch(`payroll:${cycle.id}`, () => api.payroll(cycle.id));
  if (payroll.state === "loading") return <Loading what="the payroll" />;
  if (payroll.state === "error") {
    return payroll.error.code === "failed_precondition" || payroll.error.code === "precondition" ? (
      <Empty>No payroll yet: {payroll.error.message}</Empty>
    ) : (
      <ErrorState error={payroll.error} what="the payroll" notVisible="Only the people team sees the payroll." />
    );
  }
  return <PayrollView cycleId={cycle.id} payroll={payroll.data} />;
}

function PayrollView({ cycleId, payroll }: { cycleId: string; payroll: Payroll }) {
  const money = (amount: number | null) => (amount === null ? "—" : formatMoney(amount, payroll.currency));
  return (
    <>
      <p data-testid="payroll-summary">
        <strong>{money(payroll.total_bonus)}</strong> in bonuses for {payroll.lines.filter((line) => (line.bonus ?? 0) > 0).length} people, payable{" "}
        {formatDate(payroll.payable)}; pay per {payroll.pay_period}.
      </p>
      <p class="buttons">
        <a class="button" href={api.payrollFileUrl(cycleId, "csv")} download={`${cycleId}-payroll.csv`} data-testid="payroll-csv">
          Download CSV
        </a>
        <a class="button" href={api.payrollFileUrl(cycleId, "xlsx")} download={`${cycleId}-payroll.xlsx`} data-testid="payroll-xlsx">
          Download XLSX
        </a>
      </p>
      {payroll.lines.length === 0 ? (
        <Empty>The cycle pays nothing: no bonus and no promotion was applied.</Empty>
      ) : (
        <div class="table-wrap">
          <table data-testid="payroll-table">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Held</th>
                <th scope="col">Performed</th>
                <th scope="col">Change</th>
                <th scope="col" class="number">Bonus</th>
                <th scope="col" class="number">Base pay</th>
                <th scope="col" class="number">Allowance</th>
              </tr>
            </thead>
            <tbody>
              {payroll.lines.map((line) => (
                <tr key={line.person_id}>
                  <td>
                    {line.name} <span class="muted">{line.person_id}</span>
                  </td>
                  <td>{line.grade_held}</td>
                  <td>{line.performed === null ? "—" : typeof line.performed === "number" ? line.performed.toFixed(1) : line.performed}</td>
                  <td>{line.change || "—"}</td>
                  <td class="number">{money(line.bonus)}</td>
                  <td class="number">{money(line.base_pay)}</td>
                  <td class="number">{money(line.allowance)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  Total bonus
                </th>
                <td class="number" data-testid="payroll-total">
                  <strong>{money(payroll.total_bonus)}</strong>
                </td>
                <td colSpan={2}></td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}

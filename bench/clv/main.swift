// Times PredictiveCLV.fit (BG/NBD and Gamma-Gamma fits and per-customer scoring) on simulated
// customers. Built and run by bench/clv/run.sh against the release build of CohortCore.
import CohortCore
import Foundation

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1])! : 1_000_000
let runs = arguments.count > 2 ? Int(arguments[2])! : 5
let simulation = PredictiveSimulation(bgnbd: BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426),
                                      gammaGamma: GammaGammaParameters(p: 6.25, q: 3.74, v: 15.44),
                                      acquisitionDays: 730, asOfDay: 20_000)
let seed = arguments.count > 3 ? UInt64(arguments[3])! : 2026
var generator = SplitMix(seed: seed)
let made = Date()
let customers = simulation.customers(count, using: &generator)
print("simulated \(count) customers (seed \(seed)) over 2 years of acquisition in \(String(format: "%.2f", Date().timeIntervalSince(made))) s (not timed below)")

var seconds: [Double] = []
for run in 1 ... runs {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try PredictiveCLV.fit(customers, asOfDay: simulation.asOfDay)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    seconds.append(elapsed)
    let bgnbd = result.bgnbd, parameters = bgnbd.parameters
    let gammaGamma = result.gammaGamma.map { String(format: "p %.3f q %.3f v %.3f, %d iterations", $0.parameters.p, $0.parameters.q, $0.parameters.v, $0.iterations) } ?? "none"
    let clv = result.predictedCLV.compactMap { $0 }.reduce(0, +)
    print(String(format: "run %d: %.3f s; BG/NBD r %.4f α %.3f a %.4f b %.3f, LL %.1f, %d patterns, %d iterations, converged %@; Gamma-Gamma %@; %d repeat buyers; total CLV %.0f; warnings %@",
                 run, elapsed, parameters.r, parameters.alpha, parameters.a, parameters.b, bgnbd.logLikelihood, bgnbd.patterns,
                 bgnbd.iterations, "\(bgnbd.converged)", gammaGamma, result.repeatBuyers, clv, "\(result.warnings)"))
}
print(String(format: "median of %d runs: %.3f s for %d customers (fit and score)", runs, seconds.sorted()[runs / 2], count))

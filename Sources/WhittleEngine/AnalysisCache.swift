import Foundation

/// Results that several passes need for the same file (the shell analysis of each RUN, say),
/// computed once per round. The optimizer sets `current` while its passes run over a file;
/// outside a round there is no cache and every analysis is computed afresh.
public final class AnalysisCache: @unchecked Sendable {
    @TaskLocal public static var current: AnalysisCache?

    private var values: [String: Any] = [:]
    private let lock = NSLock()

    public init() {}

    /// The value stored under `key`, made by `make` the first time.
    public func value<T>(_ key: String, _ make: () -> T) -> T {
        lock.lock()
        if let stored = values[key] as? T {
            lock.unlock()
            return stored
        }
        lock.unlock()
        let made = make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }
}

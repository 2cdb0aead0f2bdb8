import Foundation
import PackagePlugin

/// Compiles text files into the binary (`EmbeddedFiles.all`), so an installed `portal-admin` needs
/// no SQL, template or API description beside it.
@main
struct ResourceEmbedder: BuildToolPlugin {
    /// What each target carries, relative to the package root: a folder's files are keyed by their
    /// path inside it, a single file by its name.
    static let embedded = [
        "PGStore": ["sql"],
        "TenantPortal": ["Sources/TenantPortal/Web/Resources", "openapi.yaml"],
    ]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let paths = Self.embedded[target.name] else { return [] }
        var entries: [(key: String, file: URL)] = []
        for path in paths {
            let url = context.package.directoryURL.appending(path: path)
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                let root = url.standardizedFileURL.path()
                entries += try Self.files(under: url).map { file in
                    (String(file.standardizedFileURL.path().dropFirst(root.count).drop { $0 == "/" }), file)
                }
            } else {
                entries.append((url.lastPathComponent, url))
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding resources into \(target.name)",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: [output.path()] + entries.flatMap { [$0.key, $0.file.path()] },
                inputFiles: entries.map(\.file),
                outputFiles: [output]
            )
        ]
    }

    static func files(under root: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        return try walker.compactMap { $0 as? URL }
            .filter { try $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true }
            .sorted { $0.path() < $1.path() }
    }
}

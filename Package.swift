// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "logrotated",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "logrotated", targets: ["logrotated"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C libraries, found with pkg-config (Debian -dev packages).
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        // GNU-only syscalls that Swift's Glibc module does not export.
        .target(name: "CShims"),

        .target(
            name: "Platform",
            dependencies: [
                "CShims", "CZlib", "CZstd", "CDeflate",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "PlatformTesting",
            dependencies: ["Platform", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(
            name: "LogrotateConfig",
            dependencies: ["Platform", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(
            name: "Scheduling",
            dependencies: ["LogrotateConfig", "Platform", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(
            name: "Rotation",
            dependencies: [
                "Scheduling", "LogrotateConfig", "Platform",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Daemon",
            dependencies: [
                "Rotation", "Scheduling", "LogrotateConfig", "Platform", "CSystemd",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .target(
            name: "LogPipe",
            dependencies: [
                "Rotation", "Scheduling", "LogrotateConfig", "Platform",
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "logrotated",
            dependencies: [
                "Daemon", "LogPipe", "Rotation", "Scheduling", "LogrotateConfig", "Platform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            // lld (shipped with the toolchain) packs the 45,000 relative relocations of the static Swift runtime
            // into DT_RELR (8 KiB instead of 1 MiB, read at every start), and nothing needs the executable's own
            // symbols exported: together 1.3 MiB less resident memory per run.
            linkerSettings: [
                .unsafeFlags([
                    "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker",
                    "--no-export-dynamic",
                ])
            ]
        ),

        .testTarget(name: "PlatformTests", dependencies: ["Platform", "PlatformTesting"]),
        .testTarget(name: "LogrotateConfigTests", dependencies: ["LogrotateConfig", "Platform", "PlatformTesting"]),
        .testTarget(
            name: "SchedulingTests",
            dependencies: ["Scheduling", "LogrotateConfig", "Platform", "PlatformTesting"]
        ),
        .testTarget(
            name: "RotationTests",
            dependencies: ["Rotation", "Scheduling", "LogrotateConfig", "Platform", "PlatformTesting"]
        ),
        .testTarget(
            name: "DaemonTests",
            dependencies: [
                "Daemon", "Scheduling", "LogrotateConfig", "Platform", "PlatformTesting",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .testTarget(name: "logrotatedTests", dependencies: ["logrotated", "PlatformTesting"]),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}

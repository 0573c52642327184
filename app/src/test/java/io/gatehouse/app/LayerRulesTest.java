package io.gatehouse.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of ARCHITECTURE.md, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "io.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {
    @ArchTest
    static final ArchRule dataStaysFreeOfUiHttpAndTokens = noClasses().that().resideInAPackage("io.gatehouse.data..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "okhttp3..", "sun.security.pkcs11..", "org.xipki..", "iaik..",
                    "io.gatehouse.connectors..", "io.gatehouse.views..", "io.gatehouse.app..");

    @ArchTest
    static final ArchRule viewsUseNeitherConnectorsNorTheStore = noClasses().that().resideInAPackage("io.gatehouse.views..")
            .should().dependOnClassesThat().resideInAnyPackage("io.gatehouse.connectors..", "io.gatehouse.data.store..",
                    "io.gatehouse.app..", "okhttp3..");

    @ArchTest
    static final ArchRule connectorsStayFreeOfUi = noClasses().that().resideInAPackage("io.gatehouse.connectors..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.gatehouse.views..", "io.gatehouse.app..");

    @ArchTest
    static final ArchRule onlyAppConstructsConnectors = noClasses()
            .that().resideOutsideOfPackages("io.gatehouse.app..", "io.gatehouse.connectors..")
            .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates
                    .target(com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With
                            .owner(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("io.gatehouse.connectors.."))));
}

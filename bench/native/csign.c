/*
 * The native reference for the signing benchmark: C_SignInit + C_Sign with CKM_ECDSA over a SHA-256
 * digest, in a tight loop, on a key found once by label. Whatever the console's token layer adds on top
 * (lookups, attribute reads, hashing, the Java wrapper) shows up as the ratio between the two rates.
 *
 * usage: csign MODULE TOKEN_LABEL KEY_LABEL SECONDS   (PIN on standard input, first line)
 * prints: signatures=N seconds=S rate=R cpu_rate=C
 *   rate is per wall-clock second; cpu_rate per second of this process's CPU time, which a busy or
 *   throttled virtual machine disturbs far less
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <p11-kit/pkcs11.h>

static CK_FUNCTION_LIST_PTR p11;

static void check(CK_RV rv, const char *what) {
    if (rv != CKR_OK) {
        fprintf(stderr, "csign: %s failed: 0x%lx\n", what, (unsigned long) rv);
        exit(2);
    }
}

static double cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static CK_SLOT_ID find_slot(const char *label) {
    CK_ULONG count = 0;
    check(p11->C_GetSlotList(CK_TRUE, NULL, &count), "C_GetSlotList");
    CK_SLOT_ID *slots = calloc(count ? count : 1, sizeof(CK_SLOT_ID));
    check(p11->C_GetSlotList(CK_TRUE, slots, &count), "C_GetSlotList");
    for (CK_ULONG i = 0; i < count; i++) {
        CK_TOKEN_INFO info;
        check(p11->C_GetTokenInfo(slots[i], &info), "C_GetTokenInfo");
        char padded[33];
        memset(padded, ' ', 32);
        padded[32] = 0;
        memcpy(padded, label, strlen(label) > 32 ? 32 : strlen(label));
        if (memcmp(info.label, padded, 32) == 0) {
            CK_SLOT_ID slot = slots[i];
            free(slots);
            return slot;
        }
    }
    fprintf(stderr, "csign: no token labelled '%s'\n", label);
    exit(2);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: csign MODULE TOKEN_LABEL KEY_LABEL SECONDS (PIN on stdin)\n");
        return 64;
    }
    char pin[256];
    if (!fgets(pin, sizeof pin, stdin)) {
        fprintf(stderr, "csign: no PIN on standard input\n");
        return 64;
    }
    pin[strcspn(pin, "\r\n")] = 0;

    void *module = dlopen(argv[1], RTLD_NOW);
    if (!module) {
        fprintf(stderr, "csign: %s\n", dlerror());
        return 2;
    }
    CK_C_GetFunctionList get = (CK_C_GetFunctionList) dlsym(module, "C_GetFunctionList");
    if (!get) {
        fprintf(stderr, "csign: %s is not a PKCS#11 module\n", argv[1]);
        return 2;
    }
    check(get(&p11), "C_GetFunctionList");
    check(p11->C_Initialize(NULL), "C_Initialize");

    CK_SESSION_HANDLE session;
    check(p11->C_OpenSession(find_slot(argv[2]), CKF_SERIAL_SESSION | CKF_RW_SESSION, NULL, NULL, &session),
          "C_OpenSession");
    check(p11->C_Login(session, CKU_USER, (CK_UTF8CHAR_PTR) pin, strlen(pin)), "C_Login");
    memset(pin, 0, sizeof pin);

    CK_OBJECT_CLASS cls = CKO_PRIVATE_KEY;
    CK_ATTRIBUTE template[] = {
        {CKA_CLASS, &cls, sizeof cls},
        {CKA_LABEL, argv[3], strlen(argv[3])},
    };
    CK_OBJECT_HANDLE key;
    CK_ULONG found = 0;
    check(p11->C_FindObjectsInit(session, template, 2), "C_FindObjectsInit");
    check(p11->C_FindObjects(session, &key, 1, &found), "C_FindObjects");
    check(p11->C_FindObjectsFinal(session), "C_FindObjectsFinal");
    if (found != 1) {
        fprintf(stderr, "csign: no private key labelled '%s'\n", argv[3]);
        return 2;
    }

    /* a fixed SHA-256-sized digest: the console hashes in Java, the native loop measures the token alone */
    CK_BYTE digest[32];
    for (int i = 0; i < 32; i++) {
        digest[i] = (CK_BYTE) (i * 7 + 1);
    }
    CK_MECHANISM mechanism = {CKM_ECDSA, NULL, 0};
    CK_BYTE signature[256];
    double seconds = atof(argv[4]);
    double start = now_seconds();
    double cpu_start = cpu_seconds();
    double elapsed = 0;
    unsigned long signatures = 0;
    while (elapsed < seconds) {
        CK_ULONG length = sizeof signature;
        check(p11->C_SignInit(session, &mechanism, key), "C_SignInit");
        check(p11->C_Sign(session, digest, sizeof digest, signature, &length), "C_Sign");
        signatures++;
        if ((signatures & 15) == 0) {
            elapsed = now_seconds() - start;
        }
    }
    elapsed = now_seconds() - start;
    double cpu = cpu_seconds() - cpu_start;
    printf("signatures=%lu seconds=%.3f rate=%.1f cpu_rate=%.1f\n", signatures, elapsed, signatures / elapsed,
           signatures / cpu);
    p11->C_Logout(session);
    p11->C_CloseSession(session);
    p11->C_Finalize(NULL);
    return 0;
}

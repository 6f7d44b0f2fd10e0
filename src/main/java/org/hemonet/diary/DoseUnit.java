package org.hemonet.diary;

/** The unit of a dose: international units of a factor concentrate, or milligrams of emicizumab. */
public enum DoseUnit {
    IU,
    MG
}

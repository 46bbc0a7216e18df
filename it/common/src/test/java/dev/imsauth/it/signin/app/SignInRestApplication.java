package dev.imsauth.it.signin.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("rest")
public class SignInRestApplication extends Application {
}

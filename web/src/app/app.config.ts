import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { appRoutes } from './app.routes';
import { authInterceptor } from './auth/auth.interceptor';
import { busyRetryInterceptor } from './shared/api/busy-retry.interceptor';
import { withIcons } from './shared/icon-routes';
import { WaypointTitleStrategy } from './title-strategy';

// Angular Material 21 animates with CSS: no @angular/animations provider is needed.
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor, busyRetryInterceptor])),
    // Each route's code comes with the icons' registration, except the sign-in page's.
    provideRouter(withIcons(appRoutes), withComponentInputBinding()),
    { provide: TitleStrategy, useClass: WaypointTitleStrategy },
  ],
};
